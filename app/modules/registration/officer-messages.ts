/** The wording of the officer's details page (routes/registration.officer.tsx); refusals are in messages.ts. */
import { headerText } from "~/components/messages";
import { MAX_FULL_NAME_LENGTH, MAX_HOME_ADDRESS_LENGTH } from "~/utils/input-limits";
import { formatNumber } from "~/utils/numbers";
import { addressLabels } from "./address-messages";

/** An officer's details, the same on the officer's page and on their sheet in the pack. */
export const officerDetailLabels = { fullName: "Full name", email: "Email address" } as const;

export const officerPageText = {
  metaTitle: "Officer's details - Registration",
  notAnOfficer: "That person is not a declared officer.",
  registration: headerText.sections.registration,
  title: "Officers' details and declarations",
  saved: "Saved",
  savedBody: "Your details and declarations are saved.",
  own: {
    heading: "Your details",
    youAre: (roles: string) => `You are the party's ${roles}. `,
    and: " and ",
    fullName: officerDetailLabels.fullName,
    fullNameHint: `As it should appear on the Commission's register of officers. At most ${MAX_FULL_NAME_LENGTH} characters.`,
    homeAddress: addressLabels.home,
    homeAddressHint: `Not published. It is printed only on your own officer sheet. At most ${formatNumber(MAX_HOME_ADDRESS_LENGTH)} characters.`,
    email: "Your own email address",
    declarations: "Your declarations",
    confirm: (role: string) => `I confirm my declaration as ${role}`,
    save: "Save and continue",
  },
  progress: {
    heading: "Every officer's progress",
    table: "Declared officers",
    caption: "Declared officers and whether they have given their details and confirmed their declarations",
    columns: { officer: "Officer", role: "Role", details: "Details", declaration: "Declaration" },
    openDetails: ": open their details",
    given: "Given",
    notGiven: "Not given",
    confirmed: "Confirmed",
    notConfirmed: "Not confirmed",
  },
  opened: {
    heading: (name: string, roles: readonly string[]) => `${name}: ${roles.join(" and ")}`,
    private: "Private: shown to you as an organiser, and printed only on this officer's sheet.",
    fullName: officerDetailLabels.fullName,
    homeAddress: addressLabels.home,
    email: officerDetailLabels.email,
    confirmed: "Declarations confirmed",
    noneYet: "None yet",
  },
} as const;
