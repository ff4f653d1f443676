package org.campuslake.ingest.catalog;

/** The catalog is wrong: the message names the file and line. */
public class CatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }
}
