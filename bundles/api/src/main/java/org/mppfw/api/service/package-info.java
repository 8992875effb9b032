/**
 * Helpers for components whose references to other bundles' services are dynamic: a firmware
 * upgrade that replaces the bundle of a service swaps it under a running component, which keeps
 * its state and waits a moment for the new one instead of being restarted.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.mppfw.api.service;
