/**
 * The command line: {@link org.goaldriftgym.cli.Main}, the root command and one class per
 * subcommand, shared option mixins and the mapping from failures to exit codes. Nothing depends on
 * this package.
 */
package org.goaldriftgym.cli;
