/**
 * The HTML report of a plan (issue "wanplan report"): {@link renderReport} builds the page,
 * {@link writeReport} writes it to a file.
 */
export { type ReportOptions, renderReport } from './render.js';
export { writeReport } from './write.js';
