// English: the web pages' words that are not in their templates: the error
// pages, each saying what happened and what to do next (the GOV.UK patterns for
// "page not found", "there is a problem with the service" and the like).
import type { WebWords } from "../catalogue";

export const webWords: WebWords = {
  serviceName: "Service Communities",
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
