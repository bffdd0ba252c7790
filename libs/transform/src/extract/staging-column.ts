/** What extraction needs to know about a staging column: its name and how COPY would convert into it. */
export type StagingType =
  /** VARCHAR(n)/CHAR(n): Redshift sizes in UTF-8 bytes; undefined = unbounded TEXT. */
  | { readonly kind: 'text'; readonly maxBytes: number | undefined }
  | { readonly kind: 'integer'; readonly bits: 16 | 32 | 64 }
  | { readonly kind: 'float'; readonly bits: 32 | 64 }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'boolean' };

export interface StagingColumn {
  readonly name: string;
  readonly type: StagingType;
}

/** The SQL type name, for messages such as "column status is INTEGER". */
export function describeType(type: StagingType): string {
  switch (type.kind) {
    case 'text':
      return type.maxBytes === undefined ? 'TEXT' : `VARCHAR(${type.maxBytes})`;
    case 'integer':
      return type.bits === 16 ? 'SMALLINT' : type.bits === 32 ? 'INTEGER' : 'BIGINT';
    case 'float':
      return type.bits === 32 ? 'REAL' : 'DOUBLE PRECISION';
    case 'decimal':
      return `DECIMAL(${type.precision},${type.scale})`;
    case 'boolean':
      return 'BOOLEAN';
  }
}
