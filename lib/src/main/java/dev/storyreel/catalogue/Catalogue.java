package dev.storyreel.catalogue;

import java.util.List;

/** The films a catalogue asks for, and the rows that could not be read (each failing one film only). */
public record Catalogue(String location, List<CatalogueEntry> entries, List<FilmFailure> failures) {

    public Catalogue {
        entries = List.copyOf(entries);
        failures = List.copyOf(failures);
    }
}
