package com.voicecore.it.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import java.io.File;

/** The EAR exactly as built: integration tests exercise what ships, not a micro-deployment. */
public final class Deployments {

    private Deployments() {
    }

    public static EnterpriseArchive voiceCoreEar() {
        File ear = new File(System.getProperty("voicecore.ear", "target/voicecore.ear"));
        return ShrinkWrap.create(ZipImporter.class, "voicecore.ear").importFrom(ear).as(EnterpriseArchive.class);
    }
}
