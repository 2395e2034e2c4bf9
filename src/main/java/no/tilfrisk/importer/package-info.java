/**
 * Spreadsheet import (issue 20, item 2): persons with roles and department memberships, and attendance (per
 * session: names and head-counts), from CSV and XLSX. Columns are mapped on a page with a saved mapping per
 * organisation; the dry run reports row by row; the real import is one transaction per file, idempotent, and can be
 * undone for 24 hours. A leaf module: it writes through {@code person.PersonImport} and {@code
 * activity.AttendanceImport}, which own their tables' SQL, and nothing calls it but its pages.
 */
package no.tilfrisk.importer;
