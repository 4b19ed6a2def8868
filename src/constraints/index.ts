/**
 * Capacity calendars: link windows in local time (DST-aware), shares, node and provider caps, per
 * slot of the horizon. See `docs/calendars.md`.
 */
export { buildCalendars, type CalendarOptions, type Calendars } from './calendars.js';
export { type CapacityOrigin, linkCalendar } from './link-calendar.js';
export { linkWindows, type OpenInterval } from './windows.js';
export { ZoneClock, ZoneClocks } from './zone-clock.js';
