/**
 * A GOV.UK error message as a page writes it (components/forms.tsx FieldError): the line with id
 * `<id>-error`, its visually hidden "Error:" read out first, and the control that names the line
 * in aria-describedby, so that a screen reader hears the message with the control.
 */

const escaped = (id: string) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The message of the error line `<id>-error`, as the page writes it (HTML-escaped), or null when
 * there is no such line. React may mark where the space before the message ends (`<!-- -->`).
 */
export function errorLine(html: string, id: string): string | null {
  const line = new RegExp(`<p class="error-message" id="${escaped(id)}-error"><span class="visually-hidden">Error:</span> (?:<!-- -->)?([^<]*)</p>`).exec(html);
  return line ? (line[1] ?? "") : null;
}

/** The ids the element with this id names in its aria-describedby. */
export function describedBy(html: string, id: string): string[] {
  const tag = new RegExp(`<[a-z]+[^>]*?\\sid="${escaped(id)}"[^>]*>`).exec(html)?.[0] ?? "";
  return /\saria-describedby="([^"]*)"/.exec(tag)?.[1]?.split(" ") ?? [];
}

/** The ids the fieldset with this legend names in its aria-describedby (a set of radios is described as a whole). */
export function fieldsetDescribedBy(html: string, legend: string): string[] {
  const fieldset = new RegExp(`<fieldset[^>]*>(?=<legend class="fieldset__legend">${escaped(legend)}</legend>)`).exec(html)?.[0] ?? "";
  return /\saria-describedby="([^"]*)"/.exec(fieldset)?.[1]?.split(" ") ?? [];
}
