package org.tongpao.core.persistence;

import java.util.Objects;
import javax.sql.DataSource;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A bundle's schema is migrated and usable: registered by core's migration extender, with
 * {@link #PROPERTY}{@code =<name>}, once the migrations a bundle declares in its {@link #HEADER} header ran
 * (after those of every schema it requires). Components take
 * {@code @Reference(target = "(tongpao.schema=<name>)") SchemaReady} instead of running migrations
 * themselves.
 *
 * <p>The header: {@code Tongpao-Schema: <name>;migrations=<resource folder>;history=<history table>;
 * requires=<schema>,<schema>} ({@code requires} optional, the value may be quoted). Unit tests without OSGi
 * run {@link Migrations#migrate} and wrap the DataSource with {@link #of}.
 *
 * @since 2.3
 */
@ProviderType
public interface SchemaReady {
    /** The service property naming the schema. */
    String PROPERTY = "tongpao.schema";
    /** The manifest header that declares a bundle's schema. */
    String HEADER = "Tongpao-Schema";

    /** The schema's name, as declared in the header. */
    String schema();

    /** The DataSource the schema was migrated on. */
    DataSource dataSource();

    /** A ready schema, for unit tests (after {@link Migrations#migrate}) and the extender. */
    static SchemaReady of(String schema, DataSource dataSource) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(dataSource, "dataSource");
        return new ReadySchema(schema, dataSource);
    }
}
