// English: the web pages' words that are not in their templates: the error
// pages, each saying what happened and what to do next (the GOV.UK patterns for
// "page not found", "there is a problem with the service" and the like).
import type { CommunityPageWords, WebWords } from "../catalogue";

const number = (n: number) => n.toLocaleString("en-GB");

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const communityPage: CommunityPageWords = {
  private: {
    title: "You need the full link to see this page",
    paragraphs: [
      "This community shares its page only with people who have its link.",
      "If someone sent you a link, check you used all of it. Otherwise ask one of the community's organisers for the link.",
    ],
  },
  retired: {
    title: "This link is out of date",
    paragraphs: [
      "The community's organisers have changed the address of its page, so older links no longer work.",
      "Ask the person who sent you this link, or one of the community's organisers, for the new one.",
    ],
  },
  archived: (community) => ({
    title: "This community has closed",
    paragraphs: [`${community} has been archived by its organisers, so its page is no longer available.`],
  }),
  objectiveStatus: { open: "Not started", in_progress: "In progress", done: "Done" },
  count: (n, one, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`,
  list,
  stageOwners: (owners, deliverers) =>
    [
      owners.length ? `Owned by ${list(owners)}.` : "",
      deliverers.length ? `${list(deliverers)} ${deliverers.length === 1 ? "delivers" : "deliver"} part of it.` : "",
    ]
      .filter(Boolean)
      .join(" "),
  objectivesShown: (shown, total) => `The ${number(shown)} under way or next, of ${number(total)} objectives.`,
  problemsShown: (shown, total) => `The ${number(shown)} with the most votes, of ${number(total)} open problems.`,
  meetingsShown: (shown, total) => `The next ${number(shown)} of ${number(total)} meetings planned.`,
  organisationWithMembers: (label, members) => `${label} (${number(members)} ${members === 1 ? "member" : "members"})`,
  missingOrganisation: (label, problems) => `${label}, named on ${number(problems)} ${problems === 1 ? "problem" : "problems"}`,
  meetingPlace: (place, hasVideo) => (place && hasVideo ? `${place}, or by video call` : (place ?? (hasVideo ? "By video call" : ""))),
};

export const webWords: WebWords = {
  serviceName: "Service Communities",
  communityPage,
  errorSummaryTitle: "There is a problem",
  errorTitlePrefix: "Error: ",
  errors: {
    not_found: {
      title: "Page not found",
      paragraphs: [
        "If you typed the web address, check it is correct.",
        "If you pasted the web address, check you copied the entire address.",
        "If you followed a link from an email or from Slack, it may be out of date. Ask the person who sent it for a new one.",
      ],
    },
    link_invalid: {
      title: "This link does not work",
      paragraphs: [
        "Part of the link may be missing or changed. Check you used the whole link from your email or message.",
        "If it still does not work, ask for a new link.",
      ],
    },
    link_expired: {
      title: "This link has expired",
      paragraphs: ["Links like this one work for a limited time, to keep your details safe.", "Ask for a new link."],
    },
    link_used: {
      title: "This link has already been used",
      paragraphs: ["Links like this one work once, to keep your details safe.", "If you need to do this again, ask for a new link."],
    },
    gone: {
      title: "This is no longer available",
      paragraphs: ["What this page was about has ended, closed or been removed."],
    },
    bad_request: {
      title: "Sorry, there is a problem with this page",
      paragraphs: ["The page could not read what your browser sent.", "Go back and try again."],
    },
    form_expired: {
      title: "Your answers were not sent",
      paragraphs: [
        "The page had been open for a long time, or the form was sent from somewhere else.",
        "Go back, reload the page and try again.",
      ],
    },
    too_large: {
      title: "Your answers were too long",
      paragraphs: ["Go back, shorten what you wrote and try again."],
    },
    too_many: {
      title: "You have sent too many forms",
      paragraphs: ["To protect the service, each computer can send only a few forms a minute.", "Wait a minute, then try again."],
    },
    server_error: {
      title: "Sorry, there is a problem with the service",
      paragraphs: ["Try again later."],
    },
  },
};
