// Meeting and series rows as the domain's records, and back: the columns store
// reminder offsets as text and a series' rule as JSON (see prisma/models.prisma).

import { deserialiseRule } from "../domain/meetings/recurrence";
import type { MeetingFields, MeetingRecord, MeetingStatus, SeriesRecord } from "../domain/ports";
import { offsetsFromText, offsetsToText } from "./offsets";
import type { Db } from "./prismaClient";

export type MeetingRow = Awaited<ReturnType<Db["meeting"]["findFirstOrThrow"]>>;
export type SeriesRow = Awaited<ReturnType<Db["meetingSeries"]["findFirstOrThrow"]>>;

export function toMeetingRecord(row: MeetingRow): MeetingRecord {
  return {
    id: row.id,
    communityId: row.communityId,
    groupId: row.groupId,
    seriesId: row.seriesId,
    occurrence: row.occurrence,
    title: row.title,
    startsAt: row.startsAt,
    durationMinutes: row.durationMinutes,
    timezone: row.timezone,
    videoLink: row.videoLink,
    place: row.place,
    agenda: row.agenda,
    reminderOffsets: offsetsFromText(row.reminderOffsets),
    status: row.status as MeetingStatus,
    sequence: row.sequence,
    createdBy: row.createdBy,
    announcementChannelId: row.announcementChannelId,
    announcementTs: row.announcementTs,
    createdAt: row.createdAt,
    cancelledAt: row.cancelledAt,
  };
}

export function toSeriesRecord(row: SeriesRow): SeriesRecord {
  return {
    id: row.id,
    communityId: row.communityId,
    groupId: row.groupId,
    rule: deserialiseRule(row.rule),
    timezone: row.timezone,
    anchorStart: row.anchorStart,
    anchorIndex: row.anchorIndex,
    lastIndex: row.lastIndex,
    template: {
      title: row.title,
      durationMinutes: row.durationMinutes,
      videoLink: row.videoLink,
      place: row.place,
      agenda: row.agenda,
      reminderOffsets: offsetsFromText(row.reminderOffsets),
    },
    createdBy: row.createdBy,
  };
}

/** A meeting's own fields as the columns of a meeting or a series row. */
export function fieldColumns(fields: MeetingFields) {
  return {
    title: fields.title,
    durationMinutes: fields.durationMinutes,
    videoLink: fields.videoLink,
    place: fields.place,
    agenda: fields.agenda,
    reminderOffsets: offsetsToText(fields.reminderOffsets),
  };
}
