/**
 * Web configuration shared by every module: problem details for errors, the web client's screens
 * served for their paths, and the reading of plain text in JSON bodies.
 */
@NullMarked
package org.passerelle.platform.web;

import org.jspecify.annotations.NullMarked;
