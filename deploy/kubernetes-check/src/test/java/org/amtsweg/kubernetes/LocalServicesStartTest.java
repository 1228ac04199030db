package org.amtsweg.kubernetes;

/** The services start as the local overlay configures them: profiles local,kubernetes, with the demo data. */
class LocalServicesStartTest extends ServicesStart {

    LocalServicesStartTest() {
        super("local");
    }
}
