// Every test process derives ballot keys from one fixed secret, as every server of a cluster does
// from APP_SECRET (decision 044): polls opened by one module call are closed by another.
import { setBallotSecret } from "../../app/modules/polls/encrypted/ballot-keys.server";

setBallotSecret("test ballot secret: thirty-two characters or more");
