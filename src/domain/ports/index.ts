// What the domain needs from storage, one file an area. src/store implements it
// with Prisma; the domain sees plain records and never a Prisma type.
export * from "./common";
export * from "./communities";
export * from "./memberships";
export * from "./problems";
export * from "./meetings";
export * from "./outbox";
export * from "./runs";
export * from "./coverage";
export * from "./digests";
export * from "./invitations";
export * from "./groups";
export * from "./audit";
export * from "./store";
