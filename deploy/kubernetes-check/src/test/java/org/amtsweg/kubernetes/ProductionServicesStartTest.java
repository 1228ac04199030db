package org.amtsweg.kubernetes;

/** The services start as the production overlay configures them: profiles prod,kubernetes, no shortcut of local use. */
class ProductionServicesStartTest extends ServicesStart {

    ProductionServicesStartTest() {
        super("production");
    }
}
