/**
 * The statement a client's signer consents to when accepting responsibility for its systems.
 * Built from the two parties' names only, so the text shown before signing is the text stored
 * with the signature and printed on the receipt.
 */
export function responsibilityStatement(organisationName: string, clientName: string): string {
  return [
    `On behalf of ${clientName}, I accept responsibility for the administration of ${clientName}'s IT systems from the effective moment stated with my signature.`,
    `${organisationName} has handed over the administrative credentials and the backup copy of ${clientName}'s data. From that moment ${organisationName} no longer administers these systems and is not responsible for their operation, security or backups.`,
    `I confirm that I am authorised to sign this on behalf of ${clientName}.`,
  ].join(' ');
}
