import { z } from 'zod';
import type { PsaVendorModule } from '../../integrations/psa/connector.js';
import { PSA_VENDOR_MODULES } from '../../integrations/psa/vendors.js';
import type { TPsaVendorDescription, TVendorField } from './schema.js';

/**
 * The connection form of each vendor, read from the vendor module's own zod schemas (their
 * descriptions, defaults and formats), so the screen never lists a vendor's fields itself.
 */

type JsonSchemaProperty = {
  type?: string;
  description?: string;
  default?: unknown;
  format?: string;
};

function describeFields(schema: z.ZodObject): TVendorField[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchemaProperty>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    description: property.description ?? name,
    type:
      property.type === 'number' || property.type === 'integer'
        ? 'number'
        : property.type === 'boolean'
          ? 'boolean'
          : 'string',
    required: required.has(name),
    default:
      typeof property.default === 'string' ||
      typeof property.default === 'number' ||
      typeof property.default === 'boolean'
        ? property.default
        : null,
    format: property.format ?? null,
  }));
}

function describeVendor(module: PsaVendorModule): TPsaVendorDescription {
  return {
    vendor: module.vendor,
    label: module.label,
    settings: describeFields(module.settingsSchema),
    secrets: describeFields(module.secretsSchema),
    documentsCredentials: module.documentsCredentials === true,
  };
}

export const PSA_VENDOR_DESCRIPTIONS: TPsaVendorDescription[] =
  Object.values(PSA_VENDOR_MODULES).map(describeVendor);
