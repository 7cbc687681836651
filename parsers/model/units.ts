// Units carried in type names, so a Nanoseconds value is never passed where pixels are meant.
// Soft brands (an optional phantom field) keep plain numbers assignable while documenting intent.
export type Nanoseconds = number & { readonly __unit?: 'ns' };
export type ByteOffset = number & { readonly __unit?: 'byte-offset' };
/** Index into a row of a columnar table (GoroutineTable, SpanTable). */
export type RowIndex = number & { readonly __unit?: 'row' };
/** Index into an interned string table; 0 is always the empty string. */
export type StringId = number & { readonly __unit?: 'string-id' };
/** Index into an interned stack table; 0 is always the empty stack. */
export type StackId = number & { readonly __unit?: 'stack-id' };
