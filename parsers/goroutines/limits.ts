// How much goroutine text a parse may read and keep. Past a bound the input is refused
// (MAX_TEXT_BYTES) or the model is partial, with a `too-large` ParseError at the line.

/** Text inputs beyond this are refused: Go caps debug=2 at 64 MiB, a log around it adds some. */
export const MAX_TEXT_BYTES = 512 * 1024 * 1024;

/**
 * Longest line handed to the parsers. Go's longest lines are a debug=1 record of 1,024 PCs
 * (~20 KB, GODEBUG profstackdepth's ceiling) and labelled headers (16 KiB, MAX_HEADER_CHARS);
 * 1 MiB is 50 times that. Beyond it a line is not text we read: V8's regex engine recurses per
 * repetition and overflows its stack near 8.4 M characters (an untyped RangeError), and a file
 * without line breaks would grow one string towards V8's 2^29-character limit.
 */
export const MAX_LINE_CHARS = 1 << 20;

/**
 * Goroutines kept from one debug=2 dump (and distinct records of a debug=1 profile). Each costs
 * ~300 bytes of model (its record, its id in its group) however short its text: a header and a
 * blank line are 25 bytes, so 100 MB of them asked for 3.4 M goroutines (measured before this
 * bound: 3.6 GB, 25 s; with it: 1,048,576 kept, 340 MB peak RSS, 2 s). 2^20 is ten times the
 * 100k-goroutine benchmark dump and more than Go writes at debug=2, whose output stops at 64 MiB
 * (~120k goroutines of typical depth); past it the model is partial, `too-large`.
 */
export const MAX_GOROUTINES = 2 ** 20;
