// /round/<token>: the live-projects round for someone asked by email (a member of an
// organisation whose members all take part by email, or a Slack member who gets
// meeting messages by email). Their link names them, the meeting and the organisation
// they were asked about, and works until the meeting starts. The page asks the
// question, lists what the organisation has told this round, and takes a change or
// Nothing new through the same domain service as Slack's form and button, so the
// answer counts in the post, the reminder and /community updates alike, and the same
// form sent twice adds one update. Once the meeting has started, was cancelled, or
// they have left or changed organisation, it says plainly that the round is closed.
import { AppError, ValidationError } from "../../domain/common/errors";
import { type RoundClosedWhy, roundWords } from "../../i18n";
import type { Services } from "../../services";
import { roundMeetingName } from "../../views/email/roundMail";
import { type PageRequest, pageRoute } from "../kit/pageRoute";
import { errorPage, redirect, type WebResult } from "../kit/results";
import type { WebKit } from "../kit/webKit";
import { PERSONAL_LINK_PATHS, type PersonalLink, readRoundAnswerTarget } from "../personalLinks";
import { bindToLink } from "./openLink";
import { requestIdOf, roundPage, updateErrors, updateFromForm } from "./roundForm";

type Opened = { ok: true; link: PersonalLink; meetingId: string; organisation: string } | { ok: false; result: WebResult };

/** The round closed, in words: which meeting and community are read here, as the page has nothing else. */
async function closedPage(services: Services, meetingId: string, why: RoundClosedWhy): Promise<WebResult> {
  const meeting = await services.meetings.find(meetingId);
  const community = meeting ? await services.communities.byId(meeting.communityId).catch(() => null) : null;
  const words = roundWords.page.closed(meeting ? roundMeetingName(meeting) : "", meeting ? why : "gone", community?.name ?? "");
  return errorPage({ status: 410, ...words });
}

/**
 * The link checked for this page. An expired one (it expires as the meeting starts) says the
 * round is closed when it is; one expired for a meeting since moved later is just expired.
 */
async function openRound(services: Services, request: PageRequest): Promise<Opened> {
  const check = services.personalLinks.check("round-answer", request.params.token ?? "", request.now);
  const target = check.status === "invalid" ? null : readRoundAnswerTarget(check.link.target);
  if (check.status === "invalid" || !target) return { ok: false, result: errorPage("link_invalid") };
  if (check.status === "ok") return { ok: true, link: check.link, ...target };
  const meeting = await services.meetings.find(target.meetingId);
  const why: RoundClosedWhy | null = !meeting
    ? "gone"
    : meeting.status === "cancelled"
      ? "cancelled"
      : meeting.startsAt.getTime() <= request.now.getTime()
        ? "started"
        : null;
  return { ok: false, result: why ? await closedPage(services, target.meetingId, why) : errorPage("link_expired") };
}

/** The domain's refusals that mean the round is closed to this person, as the page says them. */
function closedWhy(error: unknown): RoundClosedWhy | null {
  if (!(error instanceof AppError) || error instanceof ValidationError) return null;
  if (error.code === "not_member") return "left";
  if (error.reason.key === "round.closed") return error.reason.why;
  return null;
}

/** Runs the page's work; the round closed meanwhile becomes the closed page. */
async function unlessClosed(services: Services, opened: Opened & { ok: true }, work: () => Promise<WebResult>): Promise<WebResult> {
  try {
    return await work();
  } catch (error) {
    const why = closedWhy(error);
    if (why) return closedPage(services, opened.meetingId, why);
    throw error;
  }
}

export function roundPageRoute(services: Services, kit: WebKit) {
  const path = PERSONAL_LINK_PATHS["round-answer"];
  const view = (opened: Opened & { ok: true }) => services.roundAnswers.onPage(opened.meetingId, opened.link.person, opened.organisation);
  return pageRoute(kit, {
    path: `${path}/:token`,
    csrf: bindToLink,
    async get(request) {
      const opened = await openRound(services, request);
      if (!opened.ok) return opened.result;
      return unlessClosed(services, opened, async () => roundPage(await view(opened), request));
    },
    async post(request) {
      const opened = await openRound(services, request);
      if (!opened.ok) return opened.result;
      const { link, meetingId, organisation } = opened;
      const here = `${path}/${request.params.token}`;
      return unlessClosed(services, opened, async () => {
        if (request.form.get("do") === "nothing") {
          await services.roundAnswers.nothingNew(null, meetingId, link.person, organisation);
          return redirect(`${here}?saved=nothing`);
        }
        try {
          const input = updateFromForm(request.form);
          await services.roundAnswers.addUpdate(null, meetingId, link.person, input, requestIdOf(link.id, request.form), organisation);
          return redirect(`${here}?saved=change`);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          const shown = await view(opened);
          return roundPage(shown, request, updateErrors(error, shown), request.form);
        }
      });
    },
  });
}
