package org.amtsweg.catalog.form;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.amtsweg.catalog.Problems;

/** {@code GET /services/{key}/form} (the current version) and any published version by number. */
@Path("/services/{key}/form")
@Produces(MediaType.APPLICATION_JSON)
public class FormResource {

    private final FormCatalog forms;

    public FormResource(FormCatalog forms) {
        this.forms = forms;
    }

    @GET
    public Uni<FormVersion> current(@PathParam("key") String key) {
        return forms.current(key).map(found -> found.orElseThrow(() ->
                Problems.notFound("Formular", "Für die Leistung " + key + " ist kein Formular veröffentlicht.")));
    }

    @GET
    @Path("/versions/{version}")
    public Uni<FormVersion> version(@PathParam("key") String key, @PathParam("version") int version) {
        return forms.version(key, version).map(found -> found.orElseThrow(() ->
                Problems.notFound("Formular", "Die Leistung " + key + " hat keine Formularversion " + version + ".")));
    }
}
