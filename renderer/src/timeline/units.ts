// Coordinate spaces of the timeline, named so a CSS-pixel value is never used where a device
// pixel or a nanosecond is meant (Firefox Profiler's types/units.ts). Soft brands: plain numbers
// stay assignable, the name documents intent.
export type { Nanoseconds } from '../../../parsers/model';
export type CssPixels = number & { readonly __unit?: 'css-px' };
export type DevicePixels = number & { readonly __unit?: 'device-px' };
