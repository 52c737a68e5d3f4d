import { createContext, useContext } from 'react'
import { ConsoleClient } from '../api/console.client'

const ConsoleClientContext = createContext<ConsoleClient>(new ConsoleClient())

/** Lets a test or another host point the screens at another server origin. */
export const ConsoleClientProvider = ConsoleClientContext.Provider

/** The client of the server the console was loaded from. */
export function useConsoleClient(): ConsoleClient {
  return useContext(ConsoleClientContext)
}
