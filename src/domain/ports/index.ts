// What the domain needs from storage, one file an area. src/store implements it
// with Prisma; the domain sees plain records and never a Prisma type.

export * from "./agenda";
export * from "./audit";
export * from "./common";
export * from "./communities";
export * from "./communityPages";
export * from "./coverage";
export * from "./digests";
export * from "./emailRefusals";
export * from "./findings";
export * from "./groups";
export * from "./invitations";
export * from "./journey";
export * from "./mail";
export * from "./meetingStages";
export * from "./meetings";
export * from "./memberships";
export * from "./outbox";
export * from "./outcomes";
export * from "./problems";
export * from "./round";
export * from "./runs";
export * from "./store";
