import { autotaskVendor } from './autotask/index.js';
import type { PsaVendor, PsaVendorModule } from './connector.js';
import { connectwiseVendor } from './connectwise/index.js';
import { halopsaVendor } from './halopsa/index.js';
import { itflowVendor } from './itflow/index.js';

/** Every PSA Closeout connects to, by vendor. */
export const PSA_VENDOR_MODULES: Readonly<Record<PsaVendor, PsaVendorModule>> = {
  connectwise: connectwiseVendor,
  autotask: autotaskVendor,
  halopsa: halopsaVendor,
  itflow: itflowVendor,
};
