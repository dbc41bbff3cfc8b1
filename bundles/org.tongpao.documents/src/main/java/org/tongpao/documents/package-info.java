/**
 * The documents kit: printable sheets (a title, labelled fields, tables, QR codes, notes) rendered as PDF with
 * Chinese text and English labels, the CJK font embedded as a subset so the file reads anywhere; and QR codes.
 * Entry passes, donation acknowledgements and reports are built with it.
 */
@Export
@Version("1.0.0")
package org.tongpao.documents;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
