export * from "./users";
export * from "./outbox";
export * from "./audit";
export * from "./campaign";
export * from "./polls";
export * from "./founding";
export * from "./constitution";
export * from "./elections";
