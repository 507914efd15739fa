/** TODO */
package org.camalarm.server;
