/** TODO */
package org.camalarm.rest;
