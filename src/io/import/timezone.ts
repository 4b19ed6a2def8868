/**
 * IANA time zone of a point, from the coordinates alone.
 *
 * Uses `geo-tz` (timezone-boundary-builder polygons, shipped inside the package: no network). The
 * `geo-tz/all` data set is used so that a node in Oslo gets `Europe/Oslo`, not the zone it has
 * shared clocks with since 1970 (`Europe/Berlin`), which would puzzle the person reading the
 * scenario. At sea the data gives `Etc/GMT±n` zones. Where the polygons overlap (disputed areas)
 * the first zone geo-tz returns is taken, so results are deterministic.
 *
 * A zone that this Node's `Intl` data does not know is not returned: the scenario reader would
 * refuse it, and the importer then treats the node as having no zone (and says so).
 */
import { find } from 'geo-tz/all';

/** True when the running platform's Intl data knows the zone name. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The IANA zone at latitude `lat`, longitude `lon` (degrees), or null when none is found or the
 * platform does not know it.
 * @throws RangeError when the coordinates are outside [-90, 90] × [-180, 180].
 */
export function timezoneAt(lat: number, lon: number): string | null {
  if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
    throw new RangeError(`timezoneAt: coordinates (${lat}, ${lon}) are out of range`);
  }
  const zone = find(lat, lon)[0];
  return zone !== undefined && isKnownTimeZone(zone) ? zone : null;
}
