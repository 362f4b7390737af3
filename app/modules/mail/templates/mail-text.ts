/** What every template answers: the subject line and the plain-text body, lines joined with "\n". */
export interface MailText {
  subject: string;
  text: string;
}
