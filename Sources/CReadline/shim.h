#ifndef CALLDOJO_CREADLINE_SHIM_H
#define CALLDOJO_CREADLINE_SHIM_H

/* stdio.h must come before the readline headers, which use FILE. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <locale.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <readline/readline.h>
#include <readline/history.h>

/*
 * Swift 6 refuses to read or assign readline's C globals directly because
 * they are not concurrency-safe, so every access goes through these small
 * functions. The header defines no variables of its own.
 */

/* One-time settings for an interactive session on `input_fd`. */
static inline void cr_configure(const char *application_name,
                                rl_completion_func_t *completion,
                                int input_fd) {
    rl_readline_name = application_name;
    /* The caller handles SIGINT and SIGWINCH itself. */
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    /* Do not overwrite LINES and COLUMNS in the environment. */
    rl_change_environment = 0;
    rl_attempted_completion_function = completion;
    if (input_fd == fileno(stdin)) {
        rl_instream = stdin;
    } else {
        FILE *stream = fdopen(input_fd, "r");
        rl_instream = stream != NULL ? stream : stdin;
    }
    rl_outstream = stdout;
}

/* Readline 8.2 wraps pasted text in escape codes unless this is off. */
static inline void cr_disable_bracketed_paste(void) {
    rl_variable_bind("enable-bracketed-paste", "off");
}

/* Called at the start of the completion hook. */
static inline void cr_begin_completion(void) {
    /* Never fall back to completing file names. */
    rl_attempted_completion_over = 1;
    /* Only takes effect when set inside the completion hook. */
    rl_completion_append_character = ' ';
}

static inline const char *cr_line_buffer(void) {
    return rl_line_buffer;
}

/* The text of the newest history entry, or NULL when there is none. */
static inline const char *cr_last_history_line(void) {
    if (history_length <= 0) {
        return NULL;
    }
    HIST_ENTRY *entry = history_get(history_base + history_length - 1);
    return entry != NULL ? entry->line : NULL;
}

/* Writes text to readline's output stream and flushes it. */
static inline void cr_write_output(const char *text) {
    FILE *out = rl_outstream != NULL ? rl_outstream : stdout;
    fputs(text, out);
    fflush(out);
}

/* Puts the terminal back after a line was abandoned (for example by Ctrl-C). */
static inline void cr_abandon_line(void) {
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_callback_handler_remove();
}

/*
 * Installs `handler` for `signal_number` without SA_RESTART, so that a
 * blocking poll() or read() returns EINTR when the signal arrives.
 */
static inline int cr_install_signal_handler(int signal_number,
                                            void (*handler)(int),
                                            struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(signal_number, &action, previous);
}

static inline int cr_restore_signal_handler(int signal_number,
                                            const struct sigaction *previous) {
    return sigaction(signal_number, previous, NULL);
}

/* Terminal columns of `fd`, or 0 when unknown. */
static inline int cr_terminal_columns(int fd) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) {
        return 0;
    }
    return (int)size.ws_col;
}

/*
 * Makes multibyte (UTF-8) input work in readline: uses the locale from the
 * environment, or C.UTF-8 when that is the plain C locale.
 */
static inline void cr_use_environment_ctype(void) {
    const char *name = setlocale(LC_CTYPE, "");
    if (name == NULL || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0) {
        setlocale(LC_CTYPE, "C.UTF-8");
    }
}

#endif
