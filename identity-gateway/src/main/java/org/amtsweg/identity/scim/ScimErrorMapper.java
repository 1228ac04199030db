package org.amtsweg.identity.scim;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers every {@link ScimError} in SCIM's own error format. */
@Provider
public class ScimErrorMapper implements ExceptionMapper<ScimError> {

    @Override
    public Response toResponse(ScimError error) {
        return ScimMediaType.error(error);
    }
}
