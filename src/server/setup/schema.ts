import { z } from 'zod';
import { ZPersonalisation } from '../../blueprint/schema.js';
import { ZCreateUserRequest } from '../users/schema.js';

/** The first-run setup's contract: the web app's setup wizard imports it. */

export const ZSetupRequest = z.object({
  organisation: z.object({
    name: z.string().trim().min(1, 'the organisation needs a name').max(120),
    primaryColor: ZPersonalisation.shape.primaryColor,
  }),
  /** The administrator completing the setup: their own name, email and a new password. */
  administrator: ZCreateUserRequest.pick({ name: true, email: true, password: true }),
});
export type TSetupRequest = z.infer<typeof ZSetupRequest>;
