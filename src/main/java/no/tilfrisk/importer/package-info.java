/**
 * Spreadsheet import (issue 20, item 2): persons with roles and department memberships, attendance (per session:
 * names and head-counts), contacts (follow-up talks) and tallies, from CSV and XLSX. Columns are mapped on a page
 * with a saved mapping per organisation; the dry run reports row by row; the real import is one transaction per
 * file, idempotent, and can be undone for 24 hours. A leaf module: it writes through {@code person.PersonImport},
 * {@code activity.AttendanceImport} and {@code followup.ContactImport}, which own their tables' SQL and rules, and
 * nothing calls it but its pages and its API.
 */
package no.tilfrisk.importer;
