/**
 * The run viewer: a static site that opens from {@code file://} with no server and no network.
 * {@link org.goaldriftgym.view.SiteWriter} writes the data, one small script per run plus an index
 * script (each calls a global function with one JSON object, so the pages can load them with {@code
 * <script>} tags, which {@code file://} allows where {@code fetch} is refused), and copies the
 * pages, scripts and styles from this package's resources. The pages draw everything themselves and
 * never put data into the page as HTML. Data only: statistics come from {@code analysis}.
 */
package org.goaldriftgym.view;
