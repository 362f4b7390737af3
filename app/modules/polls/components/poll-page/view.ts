/** The poll page's data, as its parts receive it (made by polls/views.server.ts). */
export type { PollPageView } from "~/modules/polls/views.server";
export type { CountedTogether } from "~/modules/polls/counted-together";
