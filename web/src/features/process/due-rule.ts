export { describeApplicability, describeDueRule } from '../../../../src/blueprint/wording.js';
