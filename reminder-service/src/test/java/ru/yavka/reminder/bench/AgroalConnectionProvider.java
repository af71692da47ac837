package ru.yavka.reminder.bench;

import java.sql.Connection;
import java.sql.SQLException;

import org.quartz.utils.ConnectionProvider;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;

/**
 * Quartz's JDBC connections from an Agroal pool (the pool Quarkus uses); Quartz sets the
 * properties {@code org.quartz.dataSource.<name>.url/user/password/maxConnections} through these setters.
 */
public class AgroalConnectionProvider implements ConnectionProvider {

    private String url;
    private String user;
    private String password = "";
    private int maxConnections = 10;
    private AgroalDataSource dataSource;

    public static AgroalDataSource pool(String url, String user, String password, int maxSize) throws SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(maxSize).minSize(0).initialSize(0)
                        .connectionFactoryConfiguration(factory -> {
                            factory.jdbcUrl(url).principal(new NamePrincipal(user));
                            // Trust authentication locally: no password at all, not an empty one.
                            return password == null || password.isEmpty()
                                    ? factory : factory.credential(new SimplePassword(password));
                        })));
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    @Override
    public void initialize() throws SQLException {
        dataSource = pool(url, user, password, maxConnections);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        dataSource.close();
    }
}
