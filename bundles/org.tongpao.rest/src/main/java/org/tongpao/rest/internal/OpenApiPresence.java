package org.tongpao.rest.internal;

/**
 * Whether the OpenAPI document and Swagger UI can be served: their packages are optional imports of this bundle
 * (feature {@code tongpao-openapi}; a provincial install leaves them out). Free of their classes, so that it loads
 * without them.
 */
final class OpenApiPresence {
    static final boolean PRESENT = loadable("org.apache.cxf.jaxrs.openapi.OpenApiFeature")
            && loadable("io.swagger.v3.core.converter.ModelConverters");

    private OpenApiPresence() {
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, OpenApiPresence.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false; // the optional import is not wired: serve the API without its document
        }
    }
}
