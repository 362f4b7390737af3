/**
 * The wording of every email Breakaway sends, one file per part of the road, kept together so it
 * can be read and translated in one place. Each template is pure: plain values in (the domain
 * words its own names and looks up its own data), `{ subject, text }` out.
 */
export type { MailText } from "./mail-text";
export * from "./auth";
export * from "./campaign";
export * from "./elections";
export * from "./founding";
export * from "./pledges";
export * from "./polls";
export * from "./roles";
