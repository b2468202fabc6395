package com.voicecore.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.UUID;

/** 201 Created with the new resource's address (the request's path plus its id) and its representation. */
public final class Created {

    private Created() {
    }

    public static Response.ResponseBuilder at(UriInfo uri, UUID id, Object entity) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build()).entity(entity);
    }
}
