import {
  type TPortalCloseout,
  type TPortalHandoverItem,
  ZReportHandoverProblemRequest,
} from '../../../../src/server/portal/schema.js';
import { reportProblem } from '../../api/portal.js';
import { PortalTextForm } from './PortalTextForm.js';

/** A credential that does not work: what went wrong, for the provider to put right. */
export function ReportProblemForm({
  closeout,
  item,
  onClose,
}: {
  closeout: TPortalCloseout;
  item: TPortalHandoverItem;
  onClose: () => void;
}) {
  return (
    <PortalTextForm
      closeout={closeout}
      path={reportProblem(item.id, { description: '' }).path}
      success={`Your provider was told about the problem with ${item.systemName}.`}
      schema={ZReportHandoverProblemRequest}
      field="description"
      formLabel={`Problem with ${item.systemName}`}
      problemTitle="Not reported"
      label="What does not work?"
      description="For example: the password is refused, or the account has no admin rights."
      submitLabel="Report the problem"
      onClose={onClose}
    />
  );
}
