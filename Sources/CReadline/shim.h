#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/*
 * Swift 6 rejects reading or writing C global variables (they are shared mutable
 * state), and readline is configured through them. These helpers do it on the C side;
 * the REPL calls them from its one thread.
 */

/* Readline's signal handling off (the REPL polls a Ctrl-C pipe), window resizes on. */
static inline void descent_rl_configure(const char *name) {
    rl_readline_name = name;
    rl_catch_signals = 0;
    rl_catch_sigwinch = 1;
}

/* Tab: the completion function and the hook choosing word breaks. Strings are
   recognised by the REPL itself (readline's quote handling still splits a quoted
   path at its slashes when '/' is a word break, as it is in code). */
static inline void descent_rl_install_completion(rl_completion_func_t *complete,
                                                 rl_cpvfunc_t *word_breaks,
                                                 const char *default_breaks) {
    rl_attempted_completion_function = complete;
    rl_completion_word_break_hook = word_breaks;
    rl_completer_word_break_characters = default_breaks;
}

/* The line being edited and the cursor's byte offset in it. */
static inline const char *descent_rl_line_buffer(void) { return rl_line_buffer; }
static inline int descent_rl_point(void) { return rl_point; }

/* Tells readline not to fall back to file names, and what to add after a single match. */
static inline void descent_rl_completion_settings(int append_character) {
    rl_attempted_completion_over = 1;
    rl_completion_append_character = append_character;
}

/* Timestamps keep multi-line entries together in the history file. */
static inline void descent_history_configure(void) {
    history_write_timestamps = 1;
    history_multiline_entries = 1;
    history_comment_char = '#';
}

static inline int descent_history_length(void) { return history_length; }
static inline int descent_history_base(void) { return history_base; }
