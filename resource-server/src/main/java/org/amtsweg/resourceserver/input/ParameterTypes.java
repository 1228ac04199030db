package org.amtsweg.resourceserver.input;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.function.Function;
import org.amtsweg.resourceserver.problem.PlatformProblem;

/**
 * Typed query, path and header parameters read strictly, and refused with a problem that names the
 * parameter: JAX-RS itself answers an unreadable {@code ?limit=abc} or a path id that is no UUID with a
 * bare 404 ("nothing here"), and reads {@code ?flag=notabool} silently as {@code false}. One provider for
 * every service.
 */
@Provider
public class ParameterTypes implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) strict(name, UUID::fromString, "eine Kennung (UUID)", "an identifier (UUID)");
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) strict(name, Integer::valueOf, "eine ganze Zahl", "a whole number");
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) strict(name, Long::valueOf, "eine ganze Zahl", "a whole number");
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) strict(name, ParameterTypes::bool, "true oder false", "true or false");
        }
        return null;
    }

    private static Boolean bool(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static <T> ParamConverter<T> strict(
            String name, Function<String, T> parse, String expected, String expectedEn) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (RuntimeException unreadable) {
                    throw new WebApplicationException(PlatformProblem.invalidParameter(
                                    name, "Der Parameter " + name + " muss " + expected + " sein.")
                            .with("expected", expectedEn)
                            .toResponse());
                }
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }
}
