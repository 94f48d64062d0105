package dev.storyreel.catalogue;

/**
 * Why one film could not be made: which film, which file and line, and what went wrong.
 *
 * @param filmId  the film (sanitised id, or the raw text when it could not be sanitised)
 * @param file    the file at fault (catalogue or screenplay)
 * @param line    1-based line in that file, 0 when no line applies
 * @param message what went wrong, for people
 */
public record FilmFailure(String filmId, String file, int line, String message) implements java.io.Serializable {

    /** "film: file:line: message", as printed on the console. */
    public String describe() {
        return filmId + ": " + file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
