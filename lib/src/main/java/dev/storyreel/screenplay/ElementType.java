package dev.storyreel.screenplay;

/** The kinds of element a screenplay body is made of (Fountain 1.1 / Final Draft paragraph types). */
public enum ElementType {
    SCENE_HEADING,
    ACTION,
    CHARACTER,
    DIALOGUE,
    PARENTHETICAL,
    LYRICS,
    TRANSITION,
    SECTION,
    SYNOPSIS,
    PAGE_BREAK
}
