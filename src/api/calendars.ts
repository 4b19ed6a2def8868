/**
 * `wanplan/calendars` — capacity calendars: the exact bytes each link may carry in each slot
 * (windows in local time, DST-aware, shares), node and provider caps per slot, and the time-zone
 * clocks they are computed with.
 *
 * @example
 * ```js
 * import { linkCalendar, ZoneClocks } from 'wanplan/calendars';
 * const bytes = linkCalendar(scenario.links[0], scenario.horizon, new ZoneClocks()); // Float64Array
 * ```
 * @packageDocumentation
 */

/** Every calendar of a scenario at once (what the planners and the verifier use). */
export { buildCalendars, type CalendarOptions, type Calendars } from '../constraints/calendars.js';
/** One link's exact bytes per slot; {@link CapacityOrigin} names the field in errors. */
export { type CapacityOrigin, linkCalendar } from '../constraints/link-calendar.js';
/** One link's open intervals (UTC epoch seconds) with the share that applies. */
export { linkWindows, type OpenInterval } from '../constraints/windows.js';
/** Local-time arithmetic in one IANA zone ({@link ZoneClock}) and a cache of them ({@link ZoneClocks}). */
export { ZoneClock, ZoneClocks } from '../constraints/zone-clock.js';
